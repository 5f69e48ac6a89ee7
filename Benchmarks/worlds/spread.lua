-- JSON /sms/create spread over the worlds listed in $WORLDS_FILE (one id per line), each request to the next world
-- by its path prefix; with no file, every request to the default world. Basic auth admin:123456.
local ids = {}
local file = os.getenv("WORLDS_FILE") and io.open(os.getenv("WORLDS_FILE"))
if file then
    for line in file:lines() do ids[#ids + 1] = line end
    file:close()
end
local counter = 0
local body = '{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Merhaba, bu bir deneme mesajıdır."}'
local headers = { ["Authorization"] = "Basic YWRtaW46MTIzNDU2", ["Content-Type"] = "application/json" }

request = function()
    counter = counter + 1
    local path = "/sms/create"
    if #ids > 0 then path = "/worlds/" .. ids[(counter % #ids) + 1] .. path end
    return wrk.format("POST", path, headers, body)
end
