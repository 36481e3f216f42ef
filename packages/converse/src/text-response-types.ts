/** `text_response`'s options and result: the shared shapes of every bedrock-flow chat component. */
export type { TextResponse, TextResponseOptions } from '@bedrock-flow/component';
