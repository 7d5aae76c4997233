using Microsoft.Playwright;

namespace StatService.Browser.Tests.Browser;

/// <summary>
/// Debian's headless Chromium (/usr/bin/chromium, installed by ops/install-prerequisites.sh) driven by
/// Playwright: never a downloaded browser, a fresh profile per session, no network beyond the service.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>A new page (tab) that has loaded <paramref name="url"/>.</summary>
    public async Task<IPage> OpenAsync(string url)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"Chromium is not installed at {ExecutablePath}; run ops/install-prerequisites.sh.");
        }

        var profile = Path.Combine(Path.GetTempPath(), "statservice-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=da-DK",
            ],
            AcceptDownloads = true,
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        // Assertions wait on their own clock (5 s by default): on a loaded two-core machine a page can take longer to
        // answer, and a test must not fail because the machine is busy. The same 20 s as every other wait.
        Assertions.SetDefaultExpectTimeout(20_000);
        return new Chromium(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits.
        }
    }
}
