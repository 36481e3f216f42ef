/** Maps a Converse stop reason to a family's vocabulary; unknown reasons fall back to `fallback`. */
export function mapStopReason(reason: string, table: Record<string, string>, fallback: string): string {
  return table[reason] ?? fallback;
}
