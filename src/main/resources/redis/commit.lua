-- Commits one turn of a session atomically: compare-and-set on the state's rev, then the new state, the facts the
-- turn changed, the turn's server frames (stream entries 0-<seq>), new draft versions and chat messages; refreshes the
-- TTL of every key.
-- The state it replaces is kept in the same hash as 'prev' (with 'prevRev'): a state that cannot be read is recovered
-- from the one before it. 'at' is the time of the commit.
-- Facts live in their own hash (field name -> fact JSON); the state lists the field names in order. A commit sends
-- only the fields its turn set or removed, so its size does not grow with the session; in 'replace' mode (the writer
-- does not know what is stored: a state read in the format before the split, or recovered) the hash is rewritten whole.
-- KEYS: state, events, drafts, chat, facts
-- ARGV: expectedRev, data, ttlSeconds, maxEvents, nEvents, (seq, frame)*, nDrafts, (version, draft)*, nChat, (msg)*,
--       factsReplace ('1' or '0'), nFactsSet, (field, fact)*, nFactsRemoved, (field)*,
--       idsReplace ('1' or '0'), idsKept, nIds, (id)*,
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
if ARGV[i] == '1' then
  redis.call('DEL', KEYS[5])
end
i = i + 1
n = tonumber(ARGV[i]); i = i + 1
if n > 0 then
  local fields = {}
  for k = 1, 2 * n do
    fields[k] = ARGV[i + k - 1]
  end
  redis.call('HSET', KEYS[5], unpack(fields))
  i = i + 2 * n
end
n = tonumber(ARGV[i]); i = i + 1
if n > 0 then
  local fields = {}
  for k = 1, n do
    fields[k] = ARGV[i + k - 1]
  end
  redis.call('HDEL', KEYS[5], unpack(fields))
  i = i + n
end
-- The ids of the messages processed last ('says' in the state hash, a JSON array): a commit sends the ids it adds,
-- the script appends them and keeps the last 'keep'. In 'replace' mode the list sent is the whole list.
local idsReplace = ARGV[i] == '1'; i = i + 1
local keep = tonumber(ARGV[i]); i = i + 1
n = tonumber(ARGV[i]); i = i + 1
if idsReplace or n > 0 then
  local ids = {}
  if not idsReplace then
    local stored = redis.call('HGET', KEYS[1], 'says')
    if stored then ids = cjson.decode(stored) end
  end
  for k = 1, n do
    ids[#ids + 1] = ARGV[i + k - 1]
  end
  i = i + n
  while #ids > keep do
    table.remove(ids, 1)
  end
  local encoded = '[]'
  if #ids > 0 then encoded = cjson.encode(ids) end
  redis.call('HSET', KEYS[1], 'says', encoded)
end
-- EXPIRE on a key that does not exist (no draft yet) does nothing, so no EXISTS first.
for k = 1, 5 do
  redis.call('EXPIRE', KEYS[k], ttl)
end
-- Tell every instance with a tab on this session that frames up to lastSeq exist (ARGV[#ARGV]).
if tonumber(ARGV[#ARGV]) > 0 then
  redis.call('PUBLISH', string.gsub(KEYS[1], ':state$', ':notify'), ARGV[#ARGV])
end
return {1, newRev}
