"""Hipcall's cdr_via_webhook demo (hipcall/developer-demos) fed by Callrecords, with only its base URL changed.

Checks that every call of the service that has a recording reached the demo's database with its record_url, and
that the demo's own player route (/api/records/<uuid>, which reads the call from the API and fetches the audio)
plays each of them. See README.md in this directory for the set-up.
    CALLRECORDS_API_KEY=cr_... DEMO_DB=.../data/cdr.db DEMO_URL=http://127.0.0.1:5007 DEMO_PASSWORD=... \\
        python3 cdr_via_webhook_check.py
"""
import os
import sqlite3

import requests

KEY = os.environ["CALLRECORDS_API_KEY"]
BASE = os.environ.get("CALLRECORDS_URL", "http://localhost:8080")
DEMO = os.environ.get("DEMO_URL", "http://127.0.0.1:5007")
ACCOUNT = os.environ.get("DEMO_ACCOUNT", "demo")

stored = dict(sqlite3.connect(os.environ["DEMO_DB"]).execute("SELECT uuid, record_url FROM cdrs").fetchall())
api = requests.Session()
api.headers["Authorization"] = "Bearer " + KEY
recorded = [uuid for uuid in stored
            if api.get(f"{BASE}/api/v3/calls/{uuid}").json()["data"]["record_url"] is not None]
without_link = [uuid for uuid in recorded if not stored[uuid]]
print(f"{len(stored)} hangups stored by the demo; {len(recorded)} of those calls have a recording in Callrecords; "
      f"{len(without_link)} of them reached the demo without a record_url")

demo = requests.Session()
demo.post(f"{DEMO}/login", data={"username": os.environ.get("DEMO_USER", "admin"),
                                 "password": os.environ["DEMO_PASSWORD"]}, allow_redirects=False)
silent = [uuid for uuid in recorded
          if not demo.get(f"{DEMO}/api/records/{uuid}", params={"account_id": ACCOUNT}).content.startswith(b"RIFF")]
print(f"the demo's player plays {len(recorded) - len(silent)} of {len(recorded)} recordings")
raise SystemExit(1 if without_link or silent or not recorded else 0)
