/**
 * The user's text inside a raw prompt, so prompt-style families echo what the user said rather
 * than the template: the last Llama 3 or Llama 4 user turn, else the last DeepSeek `<｜User｜>` turn, else the
 * last `[INST] … [/INST]` (without a `<<SYS>>` block), else the last `User:` / `Human:` / `Question:` line block,
 * else the whole prompt; trimmed.
 */
export function promptUserText(prompt: string): string {
  const llama3 = [...prompt.matchAll(/<\|start_header_id\|>user<\|end_header_id\|>([\s\S]*?)(?:<\|eot_id\|>|$)/g)];
  if (llama3.length > 0) return (llama3[llama3.length - 1]![1] ?? '').trim();
  const llama4 = [...prompt.matchAll(/<\|header_start\|>user<\|header_end\|>([\s\S]*?)(?:<\|eot\|>|$)/g)];
  if (llama4.length > 0) return (llama4[llama4.length - 1]![1] ?? '').trim();
  const deepseek = [...prompt.matchAll(/<｜User｜>([\s\S]*?)(?=<｜Assistant｜>|<｜end▁of▁sentence｜>|$)/g)];
  if (deepseek.length > 0) return (deepseek[deepseek.length - 1]![1] ?? '').trim();
  const inst = [...prompt.matchAll(/\[INST\]([\s\S]*?)\[\/INST\]/g)];
  if (inst.length > 0) return (inst[inst.length - 1]![1] ?? '').replace(/<<SYS>>[\s\S]*?<<\/SYS>>/, '').trim();
  const turns = [...prompt.matchAll(/(?:^|\n)\s*(?:User|Human|Question):\s*([\s\S]*?)(?=\n\s*(?:Bot|Assistant|AI|Answer|User|Human|Question):|$)/g)];
  if (turns.length > 0) return (turns[turns.length - 1]![1] ?? '').trim();
  return prompt.trim();
}
