port "http" = {}
