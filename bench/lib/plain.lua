-- wrk script: plain GET of the URL on the command line (baseline runs).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "wrk-common.lua")
done = bench_done
