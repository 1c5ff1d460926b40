package nl.samenspel.governance.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.samenspel.governance.meeting.AgendaDocuments;

/**
 * A ZIP of files in the given order, then a manifest with the SHA-256 of each in {@code sha256sum}
 * format ({@code <hex>  <path>}). Every entry carries the one given time, so the same files at the
 * same time give the same bytes.
 */
public final class ZipArchive {

    private ZipArchive() {}

    public static byte[] withManifest(Map<String, byte[]> files, String manifestName, Instant time) {
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, content) -> manifest.append(AgendaDocuments.sha256(content))
                .append("  ")
                .append(path)
                .append('\n'));
        all.put(manifestName, manifest.toString().getBytes(StandardCharsets.UTF_8));
        FileTime at = FileTime.from(time);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : all.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(at);
                entry.setCreationTime(at);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
