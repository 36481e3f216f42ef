import type { EmulatorFoundationModel, EmulatorModality, EmulatorProfileGeography } from './catalog-types';

const TEXT: EmulatorModality[] = ['TEXT'];
const TEXT_IMAGE: EmulatorModality[] = ['TEXT', 'IMAGE'];
const GEO: EmulatorProfileGeography[] = ['us', 'eu', 'apac'];
const GEO_GLOBAL: EmulatorProfileGeography[] = ['us', 'eu', 'apac', 'global'];

function chat(modelId: string, modelName: string, providerName: string, input: EmulatorModality[], types: EmulatorFoundationModel['inferenceTypesSupported'], profiles: EmulatorProfileGeography[] = [], lifecycleStatus: 'ACTIVE' | 'LEGACY' = 'ACTIVE'): EmulatorFoundationModel {
  return { modelId, modelName, providerName, inputModalities: input, outputModalities: TEXT, responseStreamingSupported: true, inferenceTypesSupported: types, lifecycleStatus, crossRegionProfiles: profiles };
}

function embedding(modelId: string, modelName: string, providerName: string, input: EmulatorModality[] = TEXT): EmulatorFoundationModel {
  return { modelId, modelName, providerName, inputModalities: input, outputModalities: ['EMBEDDING'], responseStreamingSupported: false, inferenceTypesSupported: ['ON_DEMAND'], lifecycleStatus: 'ACTIVE', crossRegionProfiles: [] };
}

/**
 * The emulator's default foundation models: a sample of Bedrock's catalog as ListFoundationModels describes it in
 * us-east-1 (AWS "Supported foundation models" and "Supported Regions and models for inference profiles" pages),
 * with the newer models callable only through an inference profile (`inferenceTypesSupported: ['INFERENCE_PROFILE']`).
 */
export const DEFAULT_FOUNDATION_MODELS: readonly EmulatorFoundationModel[] = [
  chat('anthropic.claude-3-haiku-20240307-v1:0', 'Claude 3 Haiku', 'Anthropic', TEXT_IMAGE, ['ON_DEMAND'], GEO),
  chat('anthropic.claude-3-5-sonnet-20240620-v1:0', 'Claude 3.5 Sonnet', 'Anthropic', TEXT_IMAGE, ['ON_DEMAND'], GEO, 'LEGACY'),
  chat('anthropic.claude-3-5-sonnet-20241022-v2:0', 'Claude 3.5 Sonnet v2', 'Anthropic', TEXT_IMAGE, ['ON_DEMAND', 'INFERENCE_PROFILE'], GEO, 'LEGACY'),
  chat('anthropic.claude-3-7-sonnet-20250219-v1:0', 'Claude 3.7 Sonnet', 'Anthropic', TEXT_IMAGE, ['INFERENCE_PROFILE'], GEO),
  chat('anthropic.claude-sonnet-4-20250514-v1:0', 'Claude Sonnet 4', 'Anthropic', TEXT_IMAGE, ['INFERENCE_PROFILE'], GEO_GLOBAL),
  chat('anthropic.claude-opus-4-1-20250805-v1:0', 'Claude Opus 4.1', 'Anthropic', TEXT_IMAGE, ['INFERENCE_PROFILE'], ['us']),
  chat('anthropic.claude-sonnet-4-5-20250929-v1:0', 'Claude Sonnet 4.5', 'Anthropic', TEXT_IMAGE, ['INFERENCE_PROFILE'], GEO_GLOBAL),
  chat('anthropic.claude-haiku-4-5-20251001-v1:0', 'Claude Haiku 4.5', 'Anthropic', TEXT_IMAGE, ['INFERENCE_PROFILE'], GEO_GLOBAL),
  chat('amazon.nova-micro-v1:0', 'Nova Micro', 'Amazon', TEXT, ['ON_DEMAND', 'INFERENCE_PROFILE'], GEO),
  chat('amazon.nova-lite-v1:0', 'Nova Lite', 'Amazon', ['TEXT', 'IMAGE', 'VIDEO'], ['ON_DEMAND', 'INFERENCE_PROFILE'], GEO),
  chat('amazon.nova-pro-v1:0', 'Nova Pro', 'Amazon', ['TEXT', 'IMAGE', 'VIDEO'], ['ON_DEMAND', 'INFERENCE_PROFILE'], GEO),
  chat('amazon.nova-premier-v1:0', 'Nova Premier', 'Amazon', ['TEXT', 'IMAGE', 'VIDEO'], ['INFERENCE_PROFILE'], ['us']),
  chat('amazon.titan-text-express-v1', 'Titan Text G1 - Express', 'Amazon', TEXT, ['ON_DEMAND'], [], 'LEGACY'),
  chat('meta.llama3-1-8b-instruct-v1:0', 'Llama 3.1 8B Instruct', 'Meta', TEXT, ['ON_DEMAND', 'INFERENCE_PROFILE'], ['us']),
  chat('meta.llama3-3-70b-instruct-v1:0', 'Llama 3.3 70B Instruct', 'Meta', TEXT, ['INFERENCE_PROFILE'], ['us']),
  chat('meta.llama4-maverick-17b-instruct-v1:0', 'Llama 4 Maverick 17B Instruct', 'Meta', TEXT_IMAGE, ['INFERENCE_PROFILE'], ['us']),
  chat('mistral.mistral-large-2402-v1:0', 'Mistral Large (24.02)', 'Mistral AI', TEXT, ['ON_DEMAND']),
  chat('cohere.command-r-plus-v1:0', 'Command R+', 'Cohere', TEXT, ['ON_DEMAND']),
  chat('deepseek.r1-v1:0', 'DeepSeek-R1', 'DeepSeek', TEXT, ['INFERENCE_PROFILE'], ['us']),
  chat('openai.gpt-oss-120b-1:0', 'gpt-oss-120b', 'OpenAI', TEXT, ['ON_DEMAND']),
  embedding('amazon.titan-embed-text-v2:0', 'Titan Text Embeddings V2', 'Amazon'),
  embedding('cohere.embed-english-v3', 'Embed English', 'Cohere'),
];
