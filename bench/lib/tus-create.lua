-- wrk script: tus creation-with-upload, one POST carrying the whole file ($BENCH_UPLOAD_FILE), so
-- every request is a complete upload (tus 1.0.0 "creation" + "creation-with-upload").
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "wrk-common.lua")
local fh = assert(io.open(assert(os.getenv("BENCH_UPLOAD_FILE"), "BENCH_UPLOAD_FILE unset"), "rb"))
local body = fh:read("*a")
fh:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Tus-Resumable"] = "1.0.0"
wrk.headers["Upload-Length"] = tostring(#body)
wrk.headers["Content-Type"] = "application/offset+octet-stream"
bench_count_codes()
