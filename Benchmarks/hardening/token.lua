-- POST /oauth/token (MySoft İYS), a form.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "username=admin&password=123456&grant_type=password"
