package id.go.kecamatan.documents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;

/**
 * Removes what a PDF viewer would run or open by itself from an uploaded PDF, before an officer
 * opens it: JavaScript (the document's name tree, open actions, additional actions of the document,
 * its pages, annotations and form fields, XFA forms), actions that launch programs, submit or
 * import form data or open other files, and embedded files (what a launch action would start).
 * Links to pages and web addresses stay. A PDF without any of these is not touched.
 */
final class PdfActiveContent {

  /** Actions that only move within the document or open a web address in the browser. */
  private static final Set<String> SAFE_ACTIONS = Set.of("GoTo", "URI", "Named", "Thread");

  private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
  private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
  private static final COSName XFA = COSName.getPDFName("XFA");
  private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

  private PdfActiveContent() {}

  /** Strips active content in place; whether anything was removed. */
  static boolean strip(PDDocument pdf) {
    boolean changed = false;
    PDDocumentCatalog catalog = pdf.getDocumentCatalog();
    COSDictionary root = catalog.getCOSObject();
    changed |= remove(root, COSName.AA);
    COSBase open = root.getDictionaryObject(COSName.OPEN_ACTION);
    if (open instanceof COSDictionary action && !safe(action)) {
      changed |= remove(root, COSName.OPEN_ACTION);
    }
    if (root.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
      changed |= remove(names, JAVASCRIPT);
      changed |= remove(names, EMBEDDED_FILES);
    }
    PDAcroForm form = catalog.getAcroForm(null);
    if (form != null) {
      changed |= remove(form.getCOSObject(), XFA);
      for (PDField field : form.getFieldTree()) {
        changed |= cleanActions(field.getCOSObject());
      }
    }
    for (PDPage page : pdf.getPages()) {
      COSDictionary dictionary = page.getCOSObject();
      changed |= remove(dictionary, COSName.AA);
      if (dictionary.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
        List<COSBase> attachments = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
          if (annotations.getObject(i) instanceof COSDictionary annotation) {
            if (FILE_ATTACHMENT.equals(annotation.getCOSName(COSName.SUBTYPE))) {
              attachments.add(annotations.get(i));
            } else {
              changed |= cleanActions(annotation);
            }
          }
        }
        for (COSBase attachment : attachments) {
          annotations.remove(attachment);
          changed = true;
        }
      }
    }
    return changed;
  }

  /** Removes the additional actions and an unsafe action of an annotation or a field. */
  private static boolean cleanActions(COSDictionary dictionary) {
    boolean changed = remove(dictionary, COSName.AA);
    if (dictionary.getDictionaryObject(COSName.A) instanceof COSDictionary action
        && !safe(action)) {
      changed |= remove(dictionary, COSName.A);
    }
    return changed;
  }

  /** A safe action whose chained actions ({@code /Next}) are safe too, to a bounded depth. */
  private static boolean safe(COSDictionary action) {
    COSDictionary current = action;
    for (int depth = 0; current != null; depth++) {
      if (depth > 20 || !SAFE_ACTIONS.contains(current.getNameAsString(COSName.S))) {
        return false;
      }
      COSBase next = current.getDictionaryObject(COSName.NEXT);
      if (next instanceof COSArray) {
        return false; // several chained actions: not worth reading, not needed in a scan
      }
      current = next instanceof COSDictionary dictionary ? dictionary : null;
    }
    return true;
  }

  private static boolean remove(COSDictionary dictionary, COSName key) {
    if (dictionary.containsKey(key)) {
      dictionary.removeItem(key);
      return true;
    }
    return false;
  }
}
