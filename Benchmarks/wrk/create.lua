-- JSON /sms/create, one number, Basic auth admin:123456.
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic YWRtaW46MTIzNDU2"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Merhaba, bu bir deneme mesajıdır."}'
