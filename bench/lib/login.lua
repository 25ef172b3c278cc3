-- wrk script: POST /login with a fixed JSON body taken from $BENCH_LOGIN_BODY.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "wrk-common.lua")
wrk.method = "POST"
wrk.body = assert(os.getenv("BENCH_LOGIN_BODY"), "BENCH_LOGIN_BODY unset")
wrk.headers["Content-Type"] = "application/json"
done = bench_done
