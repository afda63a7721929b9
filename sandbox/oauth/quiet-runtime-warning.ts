/**
 * oidc-provider 9 prints "Unsupported runtime. Use Node.js v22.x LTS" when it loads on Node 20. The
 * project runs on Node 20 on purpose (see STACK.md) and the provider works there, so the line is
 * noise in every start and every test run. provider.ts imports this module just before the
 * provider, which drops that one line while the provider loads, then puts console.warn back.
 */
const originalWarn = console.warn;

console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("WARNING: Unsupported runtime")) return;
  originalWarn(...args);
};

export function restoreConsoleWarn(): void {
  console.warn = originalWarn;
}
