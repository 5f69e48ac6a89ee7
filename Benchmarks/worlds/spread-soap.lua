-- SOAP sendSms spread over the worlds listed in $WORLDS_FILE (one id per line), each request to the next world by its
-- path prefix; with no file, every request to the default world's /soap (which, with worlds present, looks into the
-- envelope for a world's own login first). Credentials admin:123456 in the body, as sendSms.lua.
local ids = {}
local file = os.getenv("WORLDS_FILE") and io.open(os.getenv("WORLDS_FILE"))
if file then
    for line in file:lines() do ids[#ids + 1] = line end
    file:close()
end
local counter = 0
local body = [[<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Header/><soapenv:Body><sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>0</sendingType><title>Bench</title><content>Merhaba, bu bir deneme mesajıdır.</content><number>905551230011</number><encoding>1</encoding><sender>BASLIK</sender></sms:sendSms></soapenv:Body></soapenv:Envelope>]]
local headers = { ["Content-Type"] = "text/xml;charset=UTF-8", ["SOAPAction"] = "sendSms" }

request = function()
    counter = counter + 1
    local path = "/soap"
    if #ids > 0 then path = "/worlds/" .. ids[(counter % #ids) + 1] .. path end
    return wrk.format("POST", path, headers, body)
end
