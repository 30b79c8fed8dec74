-- Headless Neovim attaches `eplan lsp` with its built-in client, opens a plan, waits for the
-- diagnostics and writes them (JSON) to $EPLAN_NVIM_OUT. Works with Neovim 0.7 (Debian bookworm)
-- and later. Environment: EPLAN_BIN, EPLAN_NVIM_FILE, EPLAN_NVIM_OUT.
local bin = os.getenv("EPLAN_BIN")
local file = os.getenv("EPLAN_NVIM_FILE")
local out = os.getenv("EPLAN_NVIM_OUT")

local function finish(value)
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(value))
  f:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local config = {
  name = "eplan",
  cmd = { bin, "lsp", "--today", "2026-11-30", "--lang", "en" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, cfg)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, cfg)
      if result and result.uri == vim.uri_from_bufnr(buffer) then
        finish({ uri = result.uri, diagnostics = result.diagnostics,
                 stored = #vim.diagnostic.get(buffer) })
      end
    end,
  },
}
local client = vim.lsp.start_client(config)
if not client then
  finish({ error = "could not start eplan lsp" })
end
vim.lsp.buf_attach_client(buffer, client)
vim.defer_fn(function() finish({ error = "no diagnostics within 20 s" }) end, 20000)
