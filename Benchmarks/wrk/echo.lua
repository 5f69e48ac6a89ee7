-- POST /mock/echo with the body and headers of create.lua: what reading and journaling the request costs, no codec.
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic YWRtaW46MTIzNDU2"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Merhaba, bu bir deneme mesajıdır."}'
