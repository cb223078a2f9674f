return Baocao.Cli.App.Run(args);
