-- JSON /sms/create with a new text each time: every package enters the duplicate window, none is a duplicate.
-- Each wrk thread numbers its own requests, and its texts carry the thread's number.
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("thread", threads)
end

local counter = 0
wrk.method = "POST"
wrk.headers["Authorization"] = "Basic YWRtaW46MTIzNDU2"
wrk.headers["Content-Type"] = "application/json"
request = function()
    counter = counter + 1
    local body = '{"type":1,"sendingType":0,"number":905551230011,"sender":"BASLIK","title":"Bench","content":"Mesaj ' .. thread .. '-' .. counter .. '"}'
    return wrk.format(nil, nil, nil, body)
end
