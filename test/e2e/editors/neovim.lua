-- Neovim 0.7+ with its built-in LSP client and no plugins, as docs/editors.md sets it up: starts
-- capdrop-language-server on the file named by CAPDROP_FILE, waits for its diagnostics, prints one line
-- each (line:col severity code message), then runs the first quick fix offered on line CAPDROP_FIX_LINE
-- and prints the buffer. Run headless by test/e2e/editors.test.ts.
local client_id = vim.lsp.start_client({
  name = 'capdrop',
  cmd = { 'node', vim.env.CAPDROP_SERVER },
  root_dir = vim.fn.getcwd(),
})
vim.cmd('edit ' .. vim.env.CAPDROP_FILE)
vim.lsp.buf_attach_client(0, client_id)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
if not ok then print('TIMEOUT') vim.cmd('cquit 1') end
local diagnostics = vim.diagnostic.get(0)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)
for _, d in ipairs(diagnostics) do
  print(string.format('%d:%d %d %s %s', d.lnum + 1, d.col + 1, d.severity, d.code or '', d.message))
end
local line = tonumber(vim.env.CAPDROP_FIX_LINE) - 1
local client = vim.lsp.get_client_by_id(client_id)
local context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, line) }
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } }, context = context }
local result = client.request_sync('textDocument/codeAction', params, 10000, 0)
local action = result and result.result and result.result[1]
if not action then print('NO ACTION') vim.cmd('cquit 1') end
print('ACTION ' .. action.title)
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
print('BUFFER')
for _, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do print(l) end
vim.cmd('qa!')
