<?php
// PHP's SoapClient, built from the WSDL the mock serves (argv[1]: the Node API's base URL): every sendSms form as a
// PHP developer writes it, one JSON line each: {"name", "sent" (the request's <numbers>), "err", "pkgID"}.
$client = new SoapClient($argv[1] . "/soap?wsdl", ["trace" => 1, "exceptions" => true, "cache_wsdl" => WSDL_CACHE_NONE]);
$base = ["username" => "admin", "password" => "123456", "type" => 1, "title" => "PHP", "sender" => "BASLIK"];
$run = bin2hex(random_bytes(4));
$calls = [
    "single" => ["sendingType" => 0, "number" => "905511034554", "content" => "Tekli ğüşıöç İ $run"],
    "one-to-many, nr" => ["sendingType" => 1, "content" => "Toplu $run", "numbers" => ["item" => [["nr" => "905511034554"], ["nr" => "905433404971"]]]],
    "one-to-many, strings" => ["sendingType" => 1, "content" => "Dizgi $run", "numbers" => ["item" => ["905511034554", "905433404971"]]],
    // The document's own <item>905…</item>, written with SoapVar: PHP then writes the text as it is given.
    "one-to-many, SoapVar strings" => ["sendingType" => 1, "content" => "SoapVar $run", "numbers" => ["item" => [
        new SoapVar("905511034554", XSD_STRING, null, null, "item"), new SoapVar("905433404971", XSD_STRING, null, null, "item"),
    ]]],
    "many-to-many" => ["sendingType" => 2, "numbers" => ["item" => [["nr" => "905511034554", "msg" => "A özel $run"], ["nr" => "905433404971", "msg" => "B özel $run"]]]],
];
foreach ($calls as $name => $fields) {
    $reply = $client->sendSms($base + $fields);
    preg_match('#<numbers>.*?</numbers>|<numbers/>#s', $client->__getLastRequest(), $numbers);
    $err = $reply->result->err ?? null;
    echo json_encode([
        "name" => $name, "sent" => $numbers[0] ?? null,
        "err" => ($err && isset($err->code)) ? ["code" => $err->code, "message" => $err->message] : null,
        "pkgID" => $reply->result->data->pkgID ?? null,
    ], JSON_UNESCAPED_UNICODE), "\n";
}
