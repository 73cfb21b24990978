-- Run by neovim.e2e.test.mjs in `nvim --headless`: starts the language server as a user's
-- config would (vim.lsp.start_client, Neovim 0.7), opens each file of $IAM_NVIM_FILES (a JSON
-- list of { path, filetype, hover }), waits for each one's first non-empty diagnostics, asks
-- for a hover on its `hover` text, and writes what it got, per path, as JSON to $IAM_NVIM_OUT.
-- Every outcome, a timeout included, ends in that file and quits.
local out = os.getenv('IAM_NVIM_OUT')
local files = vim.fn.json_decode(os.getenv('IAM_NVIM_FILES'))
local server = os.getenv('IAM_NVIM_SERVER')
local results = { errors = {}, files = {} }
local done = false
local remaining = #files

local function finish()
  if done then return end
  done = true
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qall!')
end

local function file_done()
  remaining = remaining - 1
  if remaining == 0 then finish() end
end

-- One buffer per file; the uri the server sees → what we know of it.
local by_uri = {}
for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = file.filetype
  local entry = { file = file, bufnr = bufnr, result = {} }
  results.files[file.path] = entry.result
  by_uri[vim.uri_from_bufnr(bufnr)] = entry
end

local function hover(client, uri, entry)
  local lines = vim.api.nvim_buf_get_lines(entry.bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local col = line:find(entry.file.hover, 1, true)
    if col then
      -- LSP positions are 0-based; the files are ASCII, so bytes are UTF-16 units.
      local params = { textDocument = { uri = uri }, position = { line = i - 1, character = col } }
      client.request('textDocument/hover', params, function(err, result)
        entry.result.hover = result
        if err then table.insert(results.errors, entry.file.path .. ': hover: ' .. vim.inspect(err)) end
        file_done()
      end, entry.bufnr)
      return
    end
  end
  table.insert(results.errors, entry.file.path .. ': no line holds ' .. entry.file.hover)
  file_done()
end

local client_id = vim.lsp.start_client({
  name = 'iam-sts',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  settings = { iamSts = {} },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      local entry = by_uri[params.uri]
      if entry and #params.diagnostics > 0 and entry.result.diagnostics == nil then
        entry.result.diagnostics = params.diagnostics
        hover(vim.lsp.get_client_by_id(ctx.client_id), params.uri, entry)
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
  for _, entry in pairs(by_uri) do vim.lsp.buf_attach_client(entry.bufnr, client_id) end
  -- Bounded: the test reads whatever arrived by then.
  vim.defer_fn(function()
    table.insert(results.errors, 'timeout after 30 s')
    finish()
  end, 30000)
end
