using Microsoft.Playwright;

namespace StatService.Browser.Tests.Browser;

/// <summary>
/// Screenshots of each page: kept as test artefacts (artifacts/screenshots/) and copied to docs/screenshots/
/// for the README, both under the checkout that holds StatService.sln.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var root = CheckoutRoot();
        var artefact = Path.Combine(root, "artifacts", "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(artefact)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = artefact, FullPage = true });
        var docs = Path.Combine(root, "docs", "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
        File.Copy(artefact, docs, overwrite: true);
    }

    private static string CheckoutRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StatService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the tests holds StatService.sln.");
    }
}
