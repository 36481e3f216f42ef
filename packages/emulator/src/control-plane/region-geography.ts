import type { EmulatorProfileGeography } from './catalog-types';

/** The source regions of each geography's system-defined profiles (AWS "Supported Regions and models for inference profiles", a sample). */
export const GEOGRAPHY_REGIONS: Readonly<Record<Exclude<EmulatorProfileGeography, 'global'>, readonly string[]>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-2'],
  eu: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1'],
  apac: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
};

/** Display names of the geographies in profile names (`US Anthropic Claude Sonnet 4.5`). */
export const GEOGRAPHY_LABELS: Readonly<Record<EmulatorProfileGeography, string>> = { us: 'US', eu: 'EU', apac: 'APAC', global: 'Global' };

/** The geography whose profiles a region serves: us-* (commercial) → `us`, eu-* → `eu`, ap-* → `apac`; else none. */
export function geographyOfRegion(region: string): Exclude<EmulatorProfileGeography, 'global'> | undefined {
  if (/^us-(east|west)-\d+$/.test(region)) return 'us';
  if (/^eu-[a-z]+-\d+$/.test(region)) return 'eu';
  if (/^ap-[a-z]+-\d+$/.test(region)) return 'apac';
  return undefined;
}
