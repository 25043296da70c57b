using System.Text;
using System.Xml;
using ProbeDashboard.Core.StatusPages;
using ProbeDashboard.Core.StatusPages.Incidents;

namespace ProbeDashboard.StatusPages.Public;

/// <summary>
/// GET /status/{slug}/feed: the page's incidents as an Atom feed (RFC 4287), newest first, made from the same cached
/// data as the page, so it shows nothing the page does not. Entry ids are the page's address with the incident's anchor.
/// </summary>
public static class PublicStatusFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="pageUrl">The page's absolute address, as the reader asked for it.</param>
    public static string Write(PublicStatusPage page, string pageUrl)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, pageUrl);
            xml.WriteElementString("title", Atom, page.Title);
            if (page.Description is not null) xml.WriteElementString("subtitle", Atom, page.Description);
            xml.WriteElementString("updated", Atom, Time(page.Incidents.Select(i => i.UpdatedAt).DefaultIfEmpty(page.GeneratedAt).Max()));
            Link(xml, "alternate", pageUrl, "text/html");
            Link(xml, "self", pageUrl + "/feed", "application/atom+xml");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, page.Title);
            xml.WriteEndElement();
            foreach (var incident in page.Incidents) Entry(xml, incident, pageUrl);
            xml.WriteEndElement();
        }
        // StringBuilder output declares utf-16; the response is UTF-8, so say that.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    private static void Entry(XmlWriter xml, PublicIncident incident, string pageUrl)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, $"{pageUrl}#incident-{incident.Id}");
        xml.WriteElementString("title", Atom, $"{incident.Title} ({incident.Status.WireName()})");
        xml.WriteElementString("published", Atom, Time(incident.CreatedAt));
        xml.WriteElementString("updated", Atom, Time(incident.UpdatedAt));
        Link(xml, "alternate", $"{pageUrl}#incident-{incident.Id}", "text/html");
        foreach (var monitor in incident.Monitors)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", monitor);
            xml.WriteEndElement();
        }
        // The bodies are HTML that IncidentMarkdown already made safe; Atom carries them escaped (type="html").
        var content = new StringBuilder(incident.BodyHtml);
        foreach (var update in incident.Updates)
            content.Append($"<p><strong>{update.Status.WireName()}</strong> {Time(update.CreatedAt)}</p>").Append(update.BodyHtml);
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(content.ToString());
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTime utc) => XmlConvert.ToString(DateTime.SpecifyKind(utc, DateTimeKind.Utc), XmlDateTimeSerializationMode.Utc);
}
