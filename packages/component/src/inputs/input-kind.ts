/** Langflow input classes a bedrock-flow input renders as (the palette picks a widget from it). */
export type InputKind =
  | 'MessageInput'
  | 'MessageTextInput'
  | 'MultilineInput'
  | 'StrInput'
  | 'SecretStrInput'
  | 'DropdownInput'
  | 'FloatInput'
  | 'IntInput'
  | 'BoolInput'
  | 'DictInput';
