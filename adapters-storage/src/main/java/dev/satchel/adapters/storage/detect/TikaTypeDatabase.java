package dev.satchel.adapters.storage.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds Tika's type database from the definitions bundled in tika-core, without the byte rules of
 * a few subtypes whose rules scan the whole 8 KiB head on every detection and whose parent type is
 * still found by its own fixed-offset signature.
 *
 * <p>Tika runs every rule on every file that matches none (any compressed or encrypted upload), and
 * a rule's cost is its offset range, not the bytes present: the three subtypes below cost four 8 KiB
 * scans and a regular expression tried at 8,193 offsets, about half of all detection time measured
 * on a random 8 KiB head (see bench notes). What changes: an ASF file is {@code video/x-ms-asf} by
 * its header GUID and becomes {@code video/x-ms-wmv} or {@code audio/x-ms-wma} only from a
 * {@code .wmv}/{@code .wma} name (and no longer from the mere text "wmv2" anywhere in the head of
 * an unrelated file); a PostScript Illustrator file stays {@code application/postscript}. Nothing
 * that decides active content (HTML, XHTML, SVG, XML, scripts) is touched.
 */
final class TikaTypeDatabase {
  /** Subtypes whose byte rules are dropped; their names, globs and parents stay. */
  static final Set<String> UNANCHORED_SUBTYPES =
      Set.of("video/x-ms-wmv", "audio/x-ms-wma", "application/illustrator+ps");

  private static final String DEFINITIONS = "org/apache/tika/mime/tika-mimetypes.xml";

  private TikaTypeDatabase() {}

  /**
   * @return Tika's bundled database minus the byte rules of {@link #UNANCHORED_SUBTYPES}
   * @throws IllegalStateException when tika-core's definitions cannot be read (a broken build)
   */
  static MimeTypes load(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(DEFINITIONS)) {
      if (in == null) {
        throw new IllegalStateException("tika-core's " + DEFINITIONS + " is missing");
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Document definitions = factory.newDocumentBuilder().parse(in);
      dropByteRules(definitions);
      return MimeTypesFactory.create(definitions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Tika's type database cannot be built", e);
    }
  }

  private static void dropByteRules(Document definitions) {
    NodeList types = definitions.getElementsByTagName("mime-type");
    for (int i = 0; i < types.getLength(); i++) {
      Element type = (Element) types.item(i);
      if (UNANCHORED_SUBTYPES.contains(type.getAttribute("type"))) {
        for (Node child = type.getFirstChild(); child != null; ) {
          Node next = child.getNextSibling();
          if ("magic".equals(child.getNodeName())) {
            type.removeChild(child);
          }
          child = next;
        }
      }
    }
  }
}
