/** Polls `check` every 10 ms for up to 5 s; throws when it is still false then. */
export async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('condition not met within 5 s');
}
