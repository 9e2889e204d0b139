job "x" {} 
job "y" {}
