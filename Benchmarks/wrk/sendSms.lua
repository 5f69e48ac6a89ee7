-- SOAP sendSms, one number, credentials in the body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/xml;charset=UTF-8"
wrk.headers["SOAPAction"] = "sendSms"
wrk.body = [[<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sms="http://localhost:9587/wsdl/sms"><soapenv:Header/><soapenv:Body><sms:sendSms><username>admin</username><password>123456</password><type>1</type><sendingType>0</sendingType><title>Bench</title><content>Merhaba, bu bir deneme mesajıdır.</content><number>905551230011</number><encoding>1</encoding><sender>BASLIK</sender></sms:sendSms></soapenv:Body></soapenv:Envelope>]]
