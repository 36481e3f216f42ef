import { boolInput } from './bool-input';
import { messageInput, multilineInput } from './text-inputs';

/**
 * The three inputs every Langflow chat-model component starts with (`LCModelComponent.get_base_inputs()`):
 * `input_value` ("Input", message), `system_message` ("System Message", multiline, `""`), `stream` ("Stream", bool,
 * `false`, advanced).
 */
export function chatModelBaseInputs() {
  return {
    input_value: messageInput({ displayName: 'Input' }),
    system_message: multilineInput({
      displayName: 'System Message',
      info: 'System message to pass to the model.',
      default: '',
    }),
    stream: boolInput({
      displayName: 'Stream',
      info: 'Stream the response from the model. Streaming works only in Chat.',
      advanced: true,
      default: false,
    }),
  };
}
