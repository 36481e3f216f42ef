/**
 * Which component has which input, for every component defined in this process (`defineComponent` records each),
 * so a value given to a component without that input can name where it belongs.
 */
const componentsByInput = new Map<string, Set<string>>();

/** Records that component `name` has `inputs`. */
export function recordComponentInputs(name: string, inputs: Iterable<string>): void {
  for (const input of inputs) {
    let names = componentsByInput.get(input);
    if (!names) componentsByInput.set(input, (names = new Set()));
    names.add(name);
  }
}

/** Names of the components defined so far that have `input`, other than `except`, sorted. */
export function componentsWithInput(input: string, except: string): string[] {
  return [...(componentsByInput.get(input) ?? [])].filter((name) => name !== except).sort();
}
