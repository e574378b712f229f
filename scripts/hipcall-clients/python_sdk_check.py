"""Hipcall's Python SDK (hipcall/python_sdk, 0.1.2) against Callrecords, with only the base URL changed.

Run from a checkout of the SDK, with Python >= 3.12 and the SDK's requirements (requests, pydantic 2, aiohttp):
    CALLRECORDS_URL=http://localhost:8080 CALLRECORDS_API_KEY=cr_... python3 path/to/python_sdk_check.py
The service needs some calls: `./callrecords demo`, or `./callrecords simulate --days 1 --api-key KEY`.
"""
import asyncio
import os

from hipcall_sdk.client import AsyncClient, Client
from hipcall_sdk.exceptions import NotFoundException, UnprocessableEntityException

KEY = os.environ["CALLRECORDS_API_KEY"]
BASE = os.environ.get("CALLRECORDS_URL", "http://localhost:8080")


def check(condition, what):
    print(("ok    " if condition else "FAILED ") + what)
    if not condition:
        raise SystemExit(1)


client = Client(KEY, base_url=BASE)
newest = client.get_calls(limit=20)
check(len(newest.data) == 20 and newest.meta.limit == 20, "get_calls: 20 calls, newest first")
check(all(a.started_at >= b.started_at for a, b in zip(newest.data, newest.data[1:])), "get_calls: in order")
for call in newest.data:
    detail = client.get_call(call.uuid, call.started_at[:10])
    check(detail.data.uuid == call.uuid and detail.data.direction == call.direction,
          f"get_call {call.uuid}: {detail.data.direction}, missed={detail.data.missing_call}")
oldest = client.get_calls(limit=5, offset=5, sort="started_at.asc")
check(len(oldest.data) == 5 and oldest.data[0].started_at <= oldest.data[-1].started_at, "get_calls: offset, ascending")
digits = detail.data.caller_number.lstrip("+")[-7:]
found = client.get_calls(limit=5, q=digits)
check(len(found.data) > 0, f"get_calls q={digits}: {len(found.data)} calls")
try:
    client.get_call("00000000-0000-4000-8000-000000000000", "2026-01-01")
    check(False, "an unknown call is NotFoundException")
except NotFoundException:
    check(True, "an unknown call is NotFoundException")
try:
    client.get_calls(limit=500)
    check(False, "limit=500 is UnprocessableEntityException")
except UnprocessableEntityException as e:
    check(e.status_code == 422 and "limit" in e.content["errors"], f"limit=500 is 422 {e.content}")


async def asynchronous():
    async with AsyncClient(KEY, base_url=BASE) as a:
        first = await a.get_calls(limit=10)
        check(len(first.data) == 10, "AsyncClient.get_calls: oldest first, as that client sorts")
        one = await a.get_call(first.data[0].uuid, first.data[0].started_at[:10])
        check(one.data.uuid == first.data[0].uuid, "AsyncClient.get_call")


asyncio.run(asynchronous())
