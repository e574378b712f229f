<?php
// Hipcall's PHP SDK (hipcall/php_sdk) against Callrecords, with only the base URL changed.
// Run with PHP >= 8.1, Guzzle 7 and the SDK's src/ (Debian: apt install php-cli php-curl php-guzzlehttp-guzzle):
//   CALLRECORDS_URL=http://localhost:8080 CALLRECORDS_API_KEY=cr_... php php_sdk_check.php /path/to/php_sdk
// The service needs some calls: `./callrecords demo`, or `./callrecords simulate --days 1 --api-key KEY`.
$guzzle = getenv('GUZZLE_AUTOLOAD') ?: '/usr/share/php/GuzzleHttp/autoload.php';
require $guzzle;
$sdk = $argv[1] ?? 'php_sdk';
spl_autoload_register(function ($class) use ($sdk) {
    $file = $sdk . '/src/' . str_replace(['Hipcall\\', '\\'], ['', '/'], $class) . '.php';
    if (file_exists($file)) require $file;
});

function check($condition, $what) {
    echo ($condition ? "ok     " : "FAILED ") . $what . "\n";
    if (!$condition) exit(1);
}

$base = rtrim(getenv('CALLRECORDS_URL') ?: 'http://localhost:8080', '/') . '/api/v3/';
$h = new Hipcall\HipcallClient(getenv('CALLRECORDS_API_KEY'), $base);

$list = $h->calls->list('limit=5&missing_call[eq]=true');
check(is_array($list) && count($list['data']) === 5 && $list['meta']['limit'] === 5, 'calls->list: five missed calls');
$uuid = $list['data'][0]['uuid'];
$one = $h->calls->get($uuid);
check($one['data']['uuid'] === $uuid && $one['data']['missing_call'] === true, "calls->get($uuid) with no date");
$dated = $h->calls->get($uuid, substr($list['data'][0]['started_at'], 0, 10));
check($dated['data']['uuid'] === $uuid, 'calls->get with its date');
$bad = $h->calls->list('direction[eq]=1');
check(is_string($bad) && isset(json_decode($bad, true)['errors']['direction']), "a bad filter is Hipcall's 422: $bad");
$users = $h->users->list('limit=3');
check(count($users['data']) > 0, 'users->list: ' . count($users['data']));
$user = $h->users->get($users['data'][0]['id']);
check($user['data']['id'] === $users['data'][0]['id'], 'users->get (with its trailing slash): ' . $user['data']['name']);
$extensions = $h->extensions->list('limit=3');
check(is_array($extensions), 'extensions->list: ' . count($extensions['data']));
if (count($extensions['data']) > 0) {
    $extension = $h->extensions->get($extensions['data'][0]['id']);
    check($extension['data']['number'] === $extensions['data'][0]['number'], 'extensions->get: ' . $extension['data']['number']);
}
$comment = $h->calls->createComment($uuid, ['content' => 'Called back, sent the quote']);
check(is_array($comment) && $comment['data']['content'] === 'Called back, sent the quote', 'calls->createComment');
$comments = $h->calls->listComments($uuid);
check(is_array($comments) && count($comments['data']) > 0, 'calls->listComments: ' . count($comments['data']));
