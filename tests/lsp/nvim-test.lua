-- nvim-test.lua — rktc lsp under Neovim's built-in LSP client (headless).
-- Run by nvim-test.sh with RKTC (the binary) and JOB (a copy of a job file
-- in a scratch directory). Checks that the client receives the findings
-- `rktc check --format=json` reports (rule ids and 1-based line/column
-- ranges), a new finding after an unsaved edit, the rule explanation on
-- hover, and that applied quick fixes remove their findings. Exits 0 on
-- success; every wait has a time limit.
local rktc, job = os.getenv('RKTC'), os.getenv('JOB')
local failures = 0
local function fail(msg)
  failures = failures + 1
  io.stderr:write('FAIL: ' .. msg .. '\n')
end
local function finish()
  io.stderr:write(failures == 0 and 'nvim lsp test: passed\n' or
    ('nvim lsp test: %d failure(s)\n'):format(failures))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

local published = {} -- version -> diagnostics (raw LSP)
local last_version = -1
local exit_code

vim.cmd('edit ' .. vim.fn.fnameescape(job))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'rktc',
  cmd = { rktc, 'lsp', '--debounce=30' },
  root_dir = vim.fn.fnamemodify(job, ':h'),
  flags = { debounce_text_changes = 0 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.version then
        published[result.version] = result.diagnostics
        if result.version > last_version then last_version = result.version end
      end
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
  },
  on_exit = function(code, _) exit_code = code end,
})
if not client_id then
  fail('could not start rktc lsp')
  return finish()
end
vim.lsp.buf_attach_client(buf, client_id)

local function version() return vim.lsp.util.buf_versions[buf] or 0 end

-- waits for the diagnostics of the buffer's current version
local function diagnostics_now(what)
  local v = version()
  if not vim.wait(10000, function() return published[v] ~= nil end, 20) then
    fail(what .. ': no diagnostics for version ' .. tostring(v))
    return nil
  end
  return published[v]
end

local function key(rule, l, c, el, ec) return ('%s %d:%d-%d:%d'):format(rule, l, c, el, ec) end

-- what `rktc check --format=json` reports for the buffer's text
local function check_findings(text_lines)
  local path = vim.fn.fnamemodify(job, ':h') .. '/.edited.nomad'
  vim.fn.writefile(text_lines, path)
  local out = vim.fn.system({ rktc, 'check', '--format=json', '--no-fail', path })
  os.remove(path)
  local ok, report = pcall(vim.fn.json_decode, out)
  if not ok then
    fail('rktc check --format=json gave no JSON: ' .. out)
    return {}
  end
  local keys = {}
  for _, d in ipairs(report.files[1].diagnostics) do
    table.insert(keys, key(d.rule, d.line, d.column, d.end_line, d.end_column))
  end
  table.sort(keys)
  return keys
end

local function lsp_keys(diags)
  local keys = {}
  for _, d in ipairs(diags or {}) do
    local r = d.range
    table.insert(keys, key(d.code, r.start.line + 1, r.start.character + 1,
      r['end'].line + 1, r['end'].character + 1))
  end
  table.sort(keys)
  return keys
end

local function same(what, want, got)
  local a, b = table.concat(want, '\n'), table.concat(got, '\n')
  if a ~= b then
    fail(what .. ':\n  rktc check:\n    ' .. a:gsub('\n', '\n    ') ..
      '\n  language server:\n    ' .. b:gsub('\n', '\n    '))
  end
end

local function buffer_lines() return vim.api.nvim_buf_get_lines(buf, 0, -1, false) end

local function find(diags, rule)
  for _, d in ipairs(diags or {}) do
    if d.code == rule then return d end
  end
end

-- 1. the findings of the file as opened
local first = diagnostics_now('open')
same('findings on open', check_findings(buffer_lines()), lsp_keys(first))
if #lsp_keys(first) < 3 then fail('expected several findings on open') end
if #vim.diagnostic.get(buf) ~= #(first or {}) then
  fail('vim.diagnostic holds ' .. #vim.diagnostic.get(buf) .. ' findings')
end

-- 2. an unsaved edit that adds an error: a misspelled key in the job
local on_disk = table.concat(vim.fn.readfile(job), '\n')
vim.api.nvim_buf_set_lines(buf, 1, 1, false, { '  regoin = "global"' })
local edited = diagnostics_now('edit')
same('findings after an unsaved edit', check_findings(buffer_lines()), lsp_keys(edited))
local nmd = find(edited, 'NMD001')
if not nmd or nmd.range.start.line ~= 1 then fail('no NMD001 finding on the edited line') end
if table.concat(vim.fn.readfile(job), '\n') ~= on_disk then fail('the file on disk changed') end

-- 3. hover on a finding: its rule's explanation
local function hover_at(d)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = d.range.start }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  local r = res and res[client_id] and res[client_id].result
  return r and r.contents and r.contents.value or ''
end
local function explained(rule, text)
  local explain = vim.fn.system({ rktc, 'explain', rule })
  for line in explain:gmatch('[^\n]+') do
    local want = vim.trim(line)
    if want ~= '' and not text:find(want, 1, true) then
      fail('hover on ' .. rule .. ' lacks the explanation line: ' .. want)
      return
    end
  end
end
explained('NMD001', hover_at(nmd or { range = { start = { line = 1, character = 2 } } }))
if hover_at({ range = { start = { line = 0, character = 0 } } }) ~= '' then
  fail('hover away from findings should be empty')
end

-- 4. quick fixes, applied, remove their findings
local function quick_fix(rule)
  local d = find(published[version()], rule)
  if not d then return fail('no ' .. rule .. ' finding to fix') end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = d.range,
    context = { diagnostics = { d }, only = { 'quickfix' } },
  }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local actions = res and res[client_id] and res[client_id].result or {}
  local action
  for _, a in ipairs(actions) do
    if a.kind == 'quickfix' and a.diagnostics and a.diagnostics[1].code == rule then action = a end
  end
  if not action or not action.edit then return fail('no quick fix for ' .. rule) end
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local after = diagnostics_now('after fixing ' .. rule)
  if find(after, rule) then fail(rule .. ' is still reported after its quick fix') end
  same('findings after fixing ' .. rule, check_findings(buffer_lines()), lsp_keys(after))
end
-- the unknown job key stops the decoding: fixed, the rkt findings return
quick_fix('NMD001')
local rkt001 = find(published[version()], 'RKT001')
if rkt001 then explained('RKT001', hover_at(rkt001)) else fail('no RKT001 finding') end
quick_fix('RKT001')
quick_fix('RKT026')
quick_fix('RKT025')
local text = table.concat(buffer_lines(), '\n')
for _, want in ipairs({ 'image = "example.com', '${attr.driver.rkt.version}', 'region = "global"',
                        'operator  = "version"', 'value     = "> 1.2"' }) do
  if not text:find(want, 1, true) then fail('the fixed text lacks ' .. want) end
end

-- 5. shutdown and exit
vim.lsp.stop_client(client_id)
if not vim.wait(10000, function() return exit_code ~= nil end, 20) then
  fail('the server did not exit')
elseif exit_code ~= 0 then
  fail('the server exited with ' .. exit_code)
end
finish()
