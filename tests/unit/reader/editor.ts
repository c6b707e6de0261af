// A headless TipTap editor with the reader's document and extensions, for the extensions' twins.
import { Editor, type AnyExtension } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";
import { readerDoc, textLayout, type TextLayout } from "@/lib/text-positions";
import { ReaderSection } from "@/components/reader/extensions/readerSection";

export function readerEditor(body: string, extensions: AnyExtension[], wrapAt: number | null = null): { editor: Editor; layout: TextLayout } {
  const layout = textLayout(body, wrapAt);
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [Document, Paragraph, Text, ReaderSection, ...extensions],
    content: readerDoc(body, layout, "Reader comments"),
  });
  return { editor, layout };
}
