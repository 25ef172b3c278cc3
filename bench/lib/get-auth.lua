-- wrk script: GET with "Authorization: Bearer $BENCH_TOKEN" (the URL on the command line).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "wrk-common.lua")
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BENCH_TOKEN"), "BENCH_TOKEN unset")
done = bench_done
