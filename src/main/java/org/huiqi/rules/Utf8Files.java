package org.huiqi.rules;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Every file of a rules directory is text in UTF-8, with or without a byte-order mark. WPS and
 * older editors save Chinese text as GBK, which would otherwise compile and show enterprises
 * mojibake: such a file is refused, named, at the line where it stops reading as UTF-8, with the fix.
 */
final class Utf8Files {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Files() {
    }

    /** The content without its byte-order mark, if it has one. */
    static byte[] withoutBom(byte[] content) {
        return startsWithBom(content) ? Arrays.copyOfRange(content, BOM.length, content.length) : content;
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= BOM.length && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
    }

    /** The problem of a file that is not UTF-8, or null. */
    static RuleProblem problem(String path, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        try {
            decoder.decode(bytes);
            return null;
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(content);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (content[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(content, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            return new RuleProblem(path, line, column, "文件不是 UTF-8 编码（可能是 GBK），从这里起无法正确读出中文。请用 UTF-8 编码另存此文件"
                    + "（WPS/记事本：另存为，编码选 UTF-8）/ the file is not in UTF-8 (GBK, perhaps) and cannot be read from here on: "
                    + "save the file as UTF-8");
        }
    }

    /** The offset of the first byte that does not begin a well-formed UTF-8 sequence. */
    private static int firstBadByte(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
