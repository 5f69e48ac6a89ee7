-- POST /tokens (Euromsg Express).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"clientName":"admin","password":"123456"}'
