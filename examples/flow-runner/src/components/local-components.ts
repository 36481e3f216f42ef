import { chatInput } from './chat-input';
import { chatOutput } from './chat-output';
import type { LocalComponent } from './local-component';
import { nearestDocument } from './nearest-document';
import { parseData } from './parse-data';
import { promptTemplate } from './prompt-template';

/** The runner's non-Bedrock components: `ChatInput`, `ChatOutput`, `Prompt`, `NearestDocument`, `ParseData`. */
export const LOCAL_COMPONENTS: readonly LocalComponent[] = [chatInput, chatOutput, promptTemplate, nearestDocument, parseData];
