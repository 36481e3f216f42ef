import { validationError, type BedrockError } from '../../errors/bedrock-error';

/**
 * The 400 ValidationException Bedrock answers for a model body that fails the model's JSON schema, in its words:
 * `Malformed input request: #/texts: expected maxItems: 96, actual: 97, please reformat your input and try again.`
 * `path` is the JSON pointer of the bad member (`#` for the body itself).
 */
export function malformedInput(path: string, problem: string): BedrockError {
  return validationError(`Malformed input request: ${path}: ${problem}, please reformat your input and try again.`);
}
