import { validationError } from '../errors/bedrock-error';
import { CHAT_FAMILIES, type ModelFamily } from '../models/model-family';

/** The family of a chat-capable model, or the ValidationException Bedrock answers. */
export function requireChatFamily(family: ModelFamily | undefined): ModelFamily {
  if (!family) throw validationError('The provided model identifier is invalid.');
  if (!CHAT_FAMILIES.has(family)) {
    throw validationError("This action doesn't support the model that you provided. Try again with a supported text or chat model.");
  }
  return family;
}
