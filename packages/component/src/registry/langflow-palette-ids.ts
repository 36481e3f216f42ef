/**
 * The namespaced palette ids current Langflow gives a component of an extension bundle (`lfx` bundles): the
 * `ext:<bundle>:<Class>@official` id and the `<bundle>.<Class>` id its migration table and `replacement` fields use.
 * `langflowPaletteIds('amazon', 'AmazonBedrockConverseModel')` ->
 * `['ext:amazon:AmazonBedrockConverseModel@official', 'amazon.AmazonBedrockConverseModel']`. Use as a definition's `aliases`.
 */
export function langflowPaletteIds(bundle: string, componentName: string): string[] {
  return [`ext:${bundle}:${componentName}@official`, `${bundle}.${componentName}`];
}
