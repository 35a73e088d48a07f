-- Commits one turn of a session atomically: compare-and-set on the state's rev, then the new state, the turn's
-- server frames (stream entries 0-<seq>), new draft versions and chat messages; refreshes the TTL of every key.
-- The state it replaces is kept in the same hash as 'prev' (with 'prevRev'): a state that cannot be read is recovered
-- from the one before it. 'at' is the time of the commit.
-- KEYS: state, events, drafts, chat
-- ARGV: expectedRev, data, ttlSeconds, maxEvents, nEvents, (seq, frame)*, nDrafts, (version, draft)*, nChat, (msg)*,
--       lastSeq (published on shuzhi:{id}:notify when > 0)
-- Returns {1, newRev} on success, {0, currentRev} when another writer got there first.
local current = redis.call('HGET', KEYS[1], 'rev') or '0'
if current ~= ARGV[1] then
  return {0, tonumber(current)}
end
local newRev = tonumber(current) + 1
local old = redis.call('HGET', KEYS[1], 'data')
if old then
  redis.call('HSET', KEYS[1], 'prev', old, 'prevRev', current)
end
-- 'at': the server's clock at this commit (seconds), the session's last activity, which the retention purge reads.
redis.call('HSET', KEYS[1], 'rev', newRev, 'data', ARGV[2], 'at', redis.call('TIME')[1])
local ttl = tonumber(ARGV[3])
local maxEvents = ARGV[4]
local i = 5
local n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', maxEvents, '0-' .. ARGV[i], 'f', ARGV[i + 1])
  i = i + 2
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
  i = i + 2
end
n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  redis.call('RPUSH', KEYS[4], ARGV[i])
  i = i + 1
end
-- EXPIRE on a key that does not exist (no draft yet) does nothing, so no EXISTS first.
for k = 1, 4 do
  redis.call('EXPIRE', KEYS[k], ttl)
end
-- Tell every instance with a tab on this session that frames up to lastSeq exist (ARGV[#ARGV]).
if tonumber(ARGV[#ARGV]) > 0 then
  redis.call('PUBLISH', string.gsub(KEYS[1], ':state$', ':notify'), ARGV[#ARGV])
end
return {1, newRev}
