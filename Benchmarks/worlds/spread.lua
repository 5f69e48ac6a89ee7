-- JSON /sms/create (or, with SOAP=1 in the environment, SOAP sendSms at /soap) spread over the worlds listed in
-- $WORLDS_FILE (one id per line), each request to the next world by its path prefix; with no file, every request to
-- the default world (whose SOAP requests, with worlds present, are looked into for a world's own login first).
-- Credentials admin:123456: Basic for JSON, in the envelope for SOAP.
local ids = {}
local file = os.getenv("WORLDS_FILE") and io.open(os.getenv("WORLDS_FILE"))
if file then
    for line in file:lines() do ids[#ids + 1] = line end
    file:close()
end
local counter = 0
local path, body, headers = "/sms/create",
    '{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Merhaba, bu bir deneme mesajıdır."}',
    { ["Authorization"] = "Basic YWRtaW46MTIzNDU2", ["Content-Type"] = "application/json" }
if os.getenv("SOAP") == "1" then
    path = "/soap"
    body = [[<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Header/><soapenv:Body><sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>0</sendingType><title>Bench</title><content>Merhaba, bu bir deneme mesajıdır.</content><number>905551230011</number><encoding>1</encoding><sender>BASLIK</sender></sms:sendSms></soapenv:Body></soapenv:Envelope>]]
    headers = { ["Content-Type"] = "text/xml;charset=UTF-8", ["SOAPAction"] = "sendSms" }
end

request = function()
    counter = counter + 1
    local target = path
    if #ids > 0 then target = "/worlds/" .. ids[(counter % #ids) + 1] .. path end
    return wrk.format("POST", target, headers, body)
end
