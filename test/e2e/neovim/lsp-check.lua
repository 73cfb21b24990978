-- Run by neovim.e2e.test.mjs in `nvim --headless`: starts the language server as a user's
-- config would (vim.lsp.start_client, Neovim 0.7), opens the policy, waits for its first
-- non-empty diagnostics, asks for a hover on the action, and writes what it got as JSON to
-- $IAM_NVIM_OUT. Every outcome, a timeout included, ends in that file and quits.
local out = os.getenv('IAM_NVIM_OUT')
local policy = os.getenv('IAM_NVIM_POLICY')
local server = os.getenv('IAM_NVIM_SERVER')
local hover_text = os.getenv('IAM_NVIM_HOVER_TEXT')
local results = { errors = {} }
local done = false

local function finish()
  if done then return end
  done = true
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(policy))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'json'
local uri = vim.uri_from_bufnr(bufnr)

local function hover(client)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(hover_text, 1, true)
    if col then
      -- LSP positions are 0-based; the policy is ASCII, so bytes are UTF-16 units.
      local params = { textDocument = { uri = uri }, position = { line = i - 1, character = col } }
      client.request('textDocument/hover', params, function(err, result)
        results.hover = result
        if err then table.insert(results.errors, 'hover: ' .. vim.inspect(err)) end
        finish()
      end, bufnr)
      return
    end
  end
  table.insert(results.errors, 'no line holds ' .. hover_text)
  finish()
end

local client_id = vim.lsp.start_client({
  name = 'iam-sts',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(policy, ':h'),
  settings = { iamSts = {} },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      if params.uri == uri and #params.diagnostics > 0 and results.diagnostics == nil then
        results.diagnostics = params.diagnostics
        hover(vim.lsp.get_client_by_id(ctx.client_id))
      end
    end,
  },
  on_exit = function(code, signal)
    if not done then
      table.insert(results.errors, string.format('server exited: code %s, signal %s', code, signal))
      vim.schedule(finish)
    end
  end,
})
if not client_id then
  table.insert(results.errors, 'vim.lsp.start_client returned nil')
  finish()
else
  vim.lsp.buf_attach_client(bufnr, client_id)
  -- Bounded: the test reads whatever arrived by then.
  vim.defer_fn(function()
    table.insert(results.errors, 'timeout after 30 s')
    finish()
  end, 30000)
end
