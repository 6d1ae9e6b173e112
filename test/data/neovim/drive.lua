-- Drives Neovim (headless) as a person editing task definitions would, with ecslint as its language server:
-- open a bad task definition, see the diagnostics, type a change, apply a fix and a suppression from the code
-- actions. What it saw is written as JSON to $ECSLINT_OUT for the test to read. Works with Neovim 0.7 and later.
local results = { steps = {} }

local function finish(status)
  results.status = status
  vim.fn.writefile({ vim.fn.json_encode(results) }, vim.env.ECSLINT_OUT)
  vim.cmd('qa!')
end

local function seen(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, { line = d.lnum + 1, column = d.col + 1, code = d.code or lsp.code, message = d.message, severity = d.severity })
  end
  table.sort(out, function(a, b) return a.line < b.line or (a.line == b.line and a.column < b.column) end)
  return out
end

local function has(bufnr, code)
  for _, d in ipairs(seen(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

local function wait_for(what, test)
  if not vim.wait(30000, test, 20) then error('gave up waiting for ' .. what) end
end

local function line_of(bufnr, needle)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l:find(needle, 1, true) then return i - 1 end
  end
  error('no line holds ' .. needle)
end

-- The line's diagnostics as the server sent them (Neovim keeps them in user_data.lsp).
local function line_diagnostics(bufnr, line)
  if vim.lsp.diagnostic.get_line_diagnostics then return vim.lsp.diagnostic.get_line_diagnostics(bufnr, line) end
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = line })) do
    if d.user_data and d.user_data.lsp then table.insert(out, d.user_data.lsp) end
  end
  return out
end

-- The code actions at a line, asked for as vim.lsp.buf.code_action() does (the cursor, and the line's
-- diagnostics as context), and the one whose title starts with `prefix`, applied.
local function apply_action(bufnr, line, prefix)
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = line_diagnostics(bufnr, line) },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000) or {}
  local titles = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title:sub(1, #prefix) == prefix and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        return titles
      end
    end
  end
  error('no code action "' .. prefix .. '" among: ' .. table.concat(titles, ' | '))
end

local function start(bufnr)
  local config = {
    name = 'ecslint',
    cmd = { vim.env.ECSLINT_NODE, vim.env.ECSLINT_BIN, 'lsp', '--stdio' },
    root_dir = vim.env.ECSLINT_DIR,
  }
  if vim.lsp.start then
    return vim.lsp.start(config)
  end
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

local ok, err = pcall(function()
  -- A task definition in JSON: findings on open, as you type, and a fix from the code actions.
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.ECSLINT_DIR .. '/taskdef.json'))
  local json = vim.api.nvim_get_current_buf()
  start(json)
  wait_for('diagnostics on open', function() return #seen(json) > 0 end)
  results.opened = seen(json)

  local l = line_of(json, '"privileged": true')
  local text = vim.api.nvim_buf_get_lines(json, l, l + 1, false)[1]
  vim.api.nvim_buf_set_lines(json, l, l + 1, false, { (text:gsub('"privileged": true', '"privileged": false')) })
  wait_for('the diagnostics of the typed text', function() return not has(json, 'fargate-no-privileged') end)
  results.typed = seen(json)

  results.fix_titles = apply_action(json, line_of(json, 'memoryReservaton'), 'ecslint: Rename')
  wait_for('the fixed finding to go', function() return not has(json, 'td-unknown-property') end)
  results.fixed = seen(json)
  results.fixed_text = vim.api.nvim_buf_get_lines(json, 0, -1, false)

  -- The same task definition in YAML: a suppression comment from the code actions.
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.ECSLINT_DIR .. '/taskdef.yaml'))
  local yaml = vim.api.nvim_get_current_buf()
  if not vim.lsp.start then vim.lsp.buf_attach_client(yaml, vim.lsp.get_active_clients()[1].id) else start(yaml) end
  wait_for('diagnostics of the YAML file', function() return has(yaml, 'fargate-no-privileged') end)
  results.suppress_titles = apply_action(yaml, line_of(yaml, 'privileged: true'), 'ecslint: suppress fargate-no-privileged')
  wait_for('the suppressed finding to go', function() return not has(yaml, 'fargate-no-privileged') end)
  results.suppressed = seen(yaml)
  results.suppressed_text = vim.api.nvim_buf_get_lines(yaml, 0, -1, false)
end)
if not ok then results.error = tostring(err) end
finish(ok and 'ok' or 'error')
