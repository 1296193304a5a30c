using CioAspNet.BrowserTests.Support;

// One browser and one server per configuration, shared by every test class of the assembly.
[assembly: AssemblyFixture(typeof(ChromiumFixture))]
[assembly: AssemblyFixture(typeof(UsSampleAppServer))]
[assembly: AssemblyFixture(typeof(EuSampleAppServer))]
