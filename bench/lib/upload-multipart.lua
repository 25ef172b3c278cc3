-- wrk script: POST /upload of $BENCH_UPLOAD_FILE as multipart/form-data (field "file"), with
-- "Authorization: Bearer $BENCH_TOKEN"; every request stores a new file.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "wrk-common.lua")
local fh = assert(io.open(assert(os.getenv("BENCH_UPLOAD_FILE"), "BENCH_UPLOAD_FILE unset"), "rb"))
local content = fh:read("*a")
fh:close()
local boundary = "----satchel-bench-7d41c0a9e35b"
wrk.method = "POST"
wrk.body = "--" .. boundary .. "\r\n"
  .. "Content-Disposition: form-data; name=\"file\"; filename=\"wrk-upload.bin\"\r\n"
  .. "Content-Type: application/octet-stream\r\n\r\n"
  .. content .. "\r\n--" .. boundary .. "--\r\n"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN unset")
bench_count_codes()
