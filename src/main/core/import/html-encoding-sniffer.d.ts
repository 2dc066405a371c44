declare module 'html-encoding-sniffer' {
  /** The encoding's canonical name (e.g. "windows-1252", "Shift_JIS", "UTF-8") by the HTML standard's sniffing. */
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string }
  ): string
}
