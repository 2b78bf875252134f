namespace NestPortal.Web;

/// <summary>
/// Marker for the one shared resource file. Texts are written in German in the code and the views
/// and used as keys; Resources/SharedResource.en.resx holds their English translation.
/// </summary>
public sealed class SharedResource;
