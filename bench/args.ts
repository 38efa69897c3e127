// The `--name value` options of a bench script (`npx -y pnpm@12.4.2 bench <area> -- --name value`).
export function option(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}
